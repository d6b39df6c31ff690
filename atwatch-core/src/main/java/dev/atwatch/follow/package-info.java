/**
 * Live detection: log files followed by name as they grow (and when they are rotated or truncated)
 * and streams read as they arrive, searched again and again over a sliding span of what arrived,
 * each alert reported once.
 */
package dev.atwatch.follow;
