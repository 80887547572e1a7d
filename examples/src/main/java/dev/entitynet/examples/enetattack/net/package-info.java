/**
 * UDP endpoints of the attack tool: one {@link dev.entitynet.examples.enetattack.net.Link} per
 * local address, and sets of them bound across 127.0.0.0/8 to stand in for spoofed sources
 * (on Linux every 127.x.y.z address is local, so a "spoofed" source can hear what the server sends it).
 */
package dev.entitynet.examples.enetattack.net;
