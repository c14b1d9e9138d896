/**
 * Tracking and the tokens that come back to us: signed link tokens for the open pixel, clicks and
 * one-click/mailto unsubscribe, the rewriting of archived HTML into tracked HTML, machine (proxy, scanner)
 * detection, each account's consent per category, and the signed delivery token providers echo back in
 * their events ({@code DeliveryTokens}, with the metadata name it travels under).
 * Dispatch mints and writes these; feedback reads them back.
 * May touch: account, message (categories), bounce (header parsing), adminlog (consent set through {@code TrackingAdmin}), platform.
 */
package io.distman.tracking;
