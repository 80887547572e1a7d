package dev.entitynet.transport.secure;

/** The plaintexts that RFC 8439's test vectors use. */
final class RfcTexts {
    /** Section 2.4.2 and 2.8.2 (114 bytes). */
    static final byte[] SUNSCREEN = Hex.ascii("Ladies and Gentlemen of the class of '99: If I could offer you only one tip"
            + " for the future, sunscreen would be it.");
    /** Appendix A.2 #2 and A.3 #2, #3 (375 bytes). */
    static final byte[] IETF = Hex.ascii("Any submission to the IETF intended by the Contributor for publication as all"
            + " or part of an IETF Internet-Draft or RFC and any statement made within the context of an IETF activity"
            + " is considered an \"IETF Contribution\". Such statements include oral statements in IETF sessions, as"
            + " well as written and electronic communications made at any time or place, which are addressed to");
    /** Appendix A.2 #3 and A.3 #4 (127 bytes). */
    static final byte[] JABBERWOCKY = Hex.ascii("'Twas brillig, and the slithy toves\nDid gyre and gimble in the wabe:\n"
            + "All mimsy were the borogoves,\nAnd the mome raths outgrabe.");

    private RfcTexts() {
    }
}
