package dev.esnetpol.webhook;

/**
 * Time limits of the JDK's HTTP server, which reads them once, when its first server starts: a client that
 * takes longer than {@code maxReqTime} seconds to send its request (a slow-loris) is disconnected, and so is
 * one that takes longer than {@code maxRspTime} to read the answer. Call before any server of this JVM
 * starts; values already set on the command line ({@code -Dsun.net.httpserver.maxReqTime=...}) win.
 */
public final class ServerTimeouts {

    public static final int REQUEST_SECONDS = 10;
    public static final int RESPONSE_SECONDS = 10;

    private ServerTimeouts() {
    }

    public static void install() {
        setIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_SECONDS));
        setIfAbsent("sun.net.httpserver.maxRspTime", String.valueOf(RESPONSE_SECONDS));
        setIfAbsent("sun.net.httpserver.idleInterval", "30");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
