package io.github.camelmessenger.model.event;

/** The kind-specific part of a {@link MessengerEvent}. */
public sealed interface EventPayload
        permits ReceivedMessage, Postback, Optin, Referral, DeliveryReceipt, ReadReceipt, Reaction, AccountLinking,
        PassThreadControl, TakeThreadControl, RequestThreadControl, AppRoles, Comment, UnknownEvent, WaitExpired {
}
