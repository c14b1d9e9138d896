/**
 * The demo host of the run profile ({@code -Ddistman.demo=true}): two agencies, their users and keys, a
 * back office that submits letters, and yesterday's failures fed in through real webhook events. Uses only
 * features' boundaries, as a real host would.
 */
package io.distman.demo;
