/**
 * A hand-made ENet client session ({@link dev.entitynet.examples.enetattack.session.RawPeer}) whose
 * every step an attack can do honestly or forge, and an honest client built on it that measures
 * echo round trips ({@link dev.entitynet.examples.enetattack.session.EchoProbe}).
 */
package dev.entitynet.examples.enetattack.session;
