/**
 * Running external registry clients (docker, skopeo) from the checks: a private home per run so the user's
 * configuration is never read or written, a time limit on every command, captured and redacted output, and the
 * OCI image layout the clients copy test images from.
 */
package dev.regconform.clients;
