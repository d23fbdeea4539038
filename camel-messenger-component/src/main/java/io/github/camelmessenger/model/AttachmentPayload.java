package io.github.camelmessenger.model;

/**
 * The {@code payload} of a message attachment: a media payload for image/audio/video/file attachments, or one of the
 * templates (which serialize their own {@code template_type}).
 */
public sealed interface AttachmentPayload
        permits MediaPayload, ButtonTemplate, GenericTemplate, MediaTemplate, OneTimeNotifRequestTemplate {
}
