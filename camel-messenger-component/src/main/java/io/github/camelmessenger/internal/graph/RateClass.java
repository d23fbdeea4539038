package io.github.camelmessenger.internal.graph;

/** Which per-Page rate budget of the Send API a call draws from. */
public enum RateClass {
    /** Text, links, reactions, stickers, templates, sender actions: 300 calls per second and Page. */
    STANDARD,
    /** Calls carrying audio or video: 10 calls per second and Page. */
    MEDIA,
    /** Not paced (profile lookups, uploads by URL, conversation routing, ...). */
    NONE
}
