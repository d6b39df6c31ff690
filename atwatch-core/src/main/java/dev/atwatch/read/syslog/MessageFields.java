package dev.atwatch.read.syslog;

import dev.atwatch.event.Event;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fields inside the message of the programs that matter for {@code at} abuse: sudo, atd, cron and
 * PAM session lines.
 *
 * <ul>
 *   <li>sudo: {@code bob : TTY=pts/0 ; PWD=/home/bob ; USER=root ; COMMAND=/usr/bin/at now} gives
 *       {@code TTY}, {@code PWD}, {@code USER}, {@code COMMAND} (the whole command, spaces
 *       included) and the invoking user as {@code sudo_user} and {@code src_user} (the CIM name
 *       Splunk's add-ons use), the target as {@code user}.
 *   <li>atd: {@code Starting job 5 (a00005019a3b2c) for user 'bob' (1000)} gives {@code job_id},
 *       {@code job_file}, {@code user}, {@code uid}.
 *   <li>cron: {@code (root) CMD (command)} gives {@code user} and {@code command}.
 *   <li>PAM: {@code pam_unix(sudo:session): session opened for user root(uid=0) by bob(uid=1000)}
 *       gives {@code pam_module}, {@code pam_service}, {@code pam_type}, {@code action}, {@code
 *       user}, {@code src_user}.
 * </ul>
 *
 * {@code User} is set to the acting user of the line: the invoking user for sudo, the job's owner
 * for atd and cron.
 */
final class MessageFields {

    private static final Pattern SUDO =
            Pattern.compile("^\\s*(\\S+) : (?:.*?; )?TTY=(\\S*) ; PWD=(.*?) ; USER=(\\S+) ;(.*)$");
    private static final Pattern SUDO_COMMAND = Pattern.compile("COMMAND=(.*)$");
    private static final Pattern ATD =
            Pattern.compile(
                    "^(?:Starting|Exec(?:uting)?) job (\\d+) \\(([^)]*)\\) for user '([^']*)'"
                            + " \\((\\d+)\\)");
    private static final Pattern CRON = Pattern.compile("^\\((\\S+)\\) CMD \\((.*)\\)$");
    private static final Pattern PAM =
            Pattern.compile(
                    "^(pam_\\w+)\\(([^:)]+):(\\w+)\\): session (opened|closed) for user"
                            + " ([^(\\s]+)(?:\\(uid=\\d+\\))?(?: by ([^(\\s]*)"
                            + "(?:\\(uid=\\d+\\))?)?");

    /** Programs whose lines go to the secure log: sourcetype {@code linux_secure}. */
    static final Set<String> SECURE_PROGRAMS =
            Set.of(
                    "sudo",
                    "su",
                    "sshd",
                    "login",
                    "passwd",
                    "useradd",
                    "usermod",
                    "userdel",
                    "groupadd",
                    "chpasswd",
                    "chage",
                    "pkexec",
                    "polkitd",
                    "systemd-logind",
                    "unix_chkpwd",
                    "gpasswd",
                    "newgrp");

    private MessageFields() {}

    /** Adds the fields found in {@code message} of {@code process} to {@code event}. */
    static void extract(String process, String message, Event.Builder event) {
        if (process == null || message == null) {
            return;
        }
        if (!pam(message, event)) {
            switch (process.toLowerCase(java.util.Locale.ROOT)) {
                case "sudo" -> sudo(message, event);
                case "atd" -> atd(message, event);
                case "cron", "crond" -> cron(message, event);
                default -> {}
            }
        }
    }

    /** Whether {@code process} or {@code message} marks a line of the secure (auth) log. */
    static boolean isSecure(String process, String message) {
        return (process != null && SECURE_PROGRAMS.contains(process))
                || (message != null && message.startsWith("pam_"));
    }

    private static void sudo(String message, Event.Builder event) {
        Matcher m = SUDO.matcher(message);
        if (!m.find()) {
            return;
        }
        event.put("sudo_user", m.group(1));
        event.put("src_user", m.group(1));
        event.put("User", m.group(1));
        event.put("TTY", m.group(2));
        event.put("PWD", m.group(3));
        event.put("USER", m.group(4));
        event.put("user", m.group(4));
        Matcher command = SUDO_COMMAND.matcher(m.group(5));
        if (command.find()) {
            event.put("COMMAND", command.group(1).strip());
        }
    }

    private static void atd(String message, Event.Builder event) {
        Matcher m = ATD.matcher(message);
        if (m.find()) {
            event.put("job_id", m.group(1));
            event.put("job_file", m.group(2));
            event.put("user", m.group(3));
            event.put("User", m.group(3));
            event.put("uid", m.group(4));
        }
    }

    private static void cron(String message, Event.Builder event) {
        Matcher m = CRON.matcher(message);
        if (m.find()) {
            event.put("user", m.group(1));
            event.put("User", m.group(1));
            event.put("command", m.group(2));
        }
    }

    private static boolean pam(String message, Event.Builder event) {
        if (!message.startsWith("pam_")) {
            return false;
        }
        Matcher m = PAM.matcher(message);
        if (!m.find()) {
            return false;
        }
        event.put("pam_module", m.group(1));
        event.put("pam_service", m.group(2));
        event.put("pam_type", m.group(3));
        event.put("action", m.group(4));
        event.put("user", m.group(5));
        event.put("src_user", m.group(6));
        event.put("User", m.group(6) != null && !m.group(6).isEmpty() ? m.group(6) : m.group(5));
        return true;
    }
}
