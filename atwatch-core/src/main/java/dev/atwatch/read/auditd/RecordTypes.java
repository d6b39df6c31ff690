package dev.atwatch.read.auditd;

import java.util.List;
import java.util.Set;

/** What is known of audit record types by name. */
final class RecordTypes {

    /**
     * Types below the kernel's first syscall-event type (1300) other than the syscall records, and
     * the anomaly, integrity, crypto and virtualisation ranges (1700 and above): each is a whole
     * event on its own, as auparse treats them.
     */
    private static final Set<String> SINGLE =
            Set.of(
                    "USER",
                    "LOGIN",
                    "ADD_USER",
                    "DEL_USER",
                    "ADD_GROUP",
                    "DEL_GROUP",
                    "USYS_CONFIG",
                    "SYSTEM_BOOT",
                    "SYSTEM_SHUTDOWN",
                    "SYSTEM_RUNLEVEL",
                    "SERVICE_START",
                    "SERVICE_STOP",
                    "GRP_MGMT",
                    "GRP_AUTH",
                    "GRP_CHAUTHTOK",
                    "CHGRP_ID",
                    "CHUSER_ID",
                    "TRUSTED_APP",
                    "DAC_CHECK",
                    "SOFTWARE_UPDATE",
                    "TEST",
                    "KERNEL",
                    "ACCT_LOCK",
                    "ACCT_UNLOCK");

    private static final List<String> SINGLE_PREFIXES =
            List.of(
                    "USER_",
                    "CRED_",
                    "DAEMON_",
                    "ANOM_",
                    "RESP_",
                    "CRYPTO_",
                    "INTEGRITY_",
                    "VIRT_");

    private RecordTypes() {}

    /** Whether a record of {@code type} that starts an event is the whole event. */
    static boolean isSingleRecord(String type) {
        if (SINGLE.contains(type)) {
            return true;
        }
        for (String prefix : SINGLE_PREFIXES) {
            if (type.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
