package io.github.camelmessenger.sandbox.graph;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Graph API call as the sandbox received it.
 *
 * @param method   GET, POST, DELETE
 * @param version  the API version of the path, e.g. {@code v25.0}
 * @param path     the path after the version, e.g. {@code me/messages}
 * @param token    the access token (Authorization: Bearer, or access_token), or null
 * @param proof    the appsecret_proof parameter, or null
 * @param query    the query parameters (without access_token and appsecret_proof)
 * @param body     the JSON body, or the form / multipart fields with their JSON values parsed; may be empty
 * @param file     the multipart {@code filedata} part, or null
 */
public record GraphRequest(String method, String version, String path, String token, String proof,
                           Map<String, String> query, JsonNode body, Upload file) {

    /** An uploaded file. */
    public record Upload(String fileName, String contentType, byte[] data, long size) {
    }
}
