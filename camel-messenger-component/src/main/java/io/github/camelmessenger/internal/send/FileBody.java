package io.github.camelmessenger.internal.send;

import java.io.File;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.file.Path;

import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.internal.validation.PlatformLimits;
import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;

/** A file body to upload as multipart {@code filedata}: its bytes, name and MIME type. */
public record FileBody(byte[] data, String fileName, String contentType) {

    public static boolean isFile(Object body) {
        return body instanceof byte[] || body instanceof InputStream || body instanceof File || body instanceof Path
               || body instanceof WrappedFile<?>;
    }

    public static FileBody of(Exchange exchange, String attachmentType) {
        Object body = exchange.getMessage().getBody();
        byte[] data = exchange.getMessage().getBody(byte[].class);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        if (fileName == null && body instanceof File file) {
            fileName = file.getName();
        } else if (fileName == null && body instanceof Path path) {
            fileName = path.getFileName().toString();
        }
        if (fileName == null) {
            fileName = attachmentType;
        }
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType == null) {
            contentType = URLConnection.guessContentTypeFromName(fileName);
        }
        if (contentType == null || contentType.isBlank()) {
            // the platform rejects a file part without a MIME type (100/2018047)
            throw new MessengerValidationException("filedata", "a MIME type: set header Content-Type or a file name "
                                                               + "with a known extension in header CamelFileName",
                    fileName);
        }
        if (data == null || data.length == 0) {
            throw new MessengerValidationException("filedata", "a non-empty file", fileName);
        }
        if (data.length > PlatformLimits.ATTACHMENT_MAX_BYTES) {
            throw new MessengerValidationException("filedata", "at most 25 MB (" + PlatformLimits.ATTACHMENT_MAX_BYTES + " bytes)",
                    fileName + " (" + data.length + " bytes)");
        }
        return new FileBody(data, fileName, contentType);
    }
}
