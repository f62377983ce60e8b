package dev.esnetpol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code spec.security}: only {@code internalTls} matters here. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class SecuritySpec extends KeptFields {
    public static final String TLS_DEFAULT = "TLSv1.2";
    public static final String NONE = "NONE";

    private String internalTls;

    public String getInternalTls() {
        return internalTls;
    }

    public void setInternalTls(String internalTls) {
        this.internalTls = internalTls;
    }
}
