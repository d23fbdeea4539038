package io.github.camelmessenger.otn.store;

import io.github.camelmessenger.MessengerException;

/** The OTN store could not read or write its database. Messages never contain token values. */
public class OtnStoreException extends MessengerException {

    public OtnStoreException(String message) {
        super(message);
    }

    public OtnStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
