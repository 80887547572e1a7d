/**
 * Authenticated, encrypted sessions in the model of netcode.io, self-contained so that a transport
 * can put them in front of its datagrams.
 *
 * <ul>
 *   <li>{@link dev.entitynet.transport.secure.TokenIssuer} (backend) mints connect tokens under a
 *       private key shared with the game servers; {@link dev.entitynet.transport.secure.ConnectToken}
 *       is the client's view of one.</li>
 *   <li>{@link dev.entitynet.transport.secure.TokenValidator} and
 *       {@link dev.entitynet.transport.secure.TokenReplayGuard} (server) check a token before
 *       anything is allocated for the client.</li>
 *   <li>{@link dev.entitynet.transport.secure.SecureDatagram} then seals and opens every datagram
 *       of the session with {@link dev.entitynet.transport.secure.ChaCha20Poly1305}, dropping
 *       forgeries and replays ({@link dev.entitynet.transport.secure.ReplayWindow}).</li>
 * </ul>
 *
 * Everything on a server's receive and send path is allocation-free. Formats, limits and an
 * example: docs/secure-sessions.md.
 */
package dev.entitynet.transport.secure;
