package io.sigil.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Conformance cases for the command tests, built on spec §10 A1: an identity policy that allows {@code sqs:*} on
 * queues named {@code test*} and denies queue {@code test0} (Sid DenyTest0).
 */
final class CaseFiles {
    private CaseFiles() {}

    /** One case sending a message to the named queue; {@code expect} null leaves the member out. */
    static String sqsCase(String description, String queue, String expect) {
        return """
                {
                  "description": "%s",
                  "request": {
                    "principal": "arn:aws:iam::123456789012:user/alice",
                    "action": "sqs:SendMessage",
                    "resource": "arn:aws:sqs:us-east-2:123456789012:%s"
                  },
                  "policies": {
                    "identity": [
                      {
                        "Version": "2012-10-17",
                        "Statement": [
                          {"Effect": "Allow", "Action": "sqs:*", "Resource": "arn:aws:sqs:*:123456789012:test*"},
                          {"Sid": "DenyTest0", "Effect": "Deny", "Action": "sqs:*",
                           "Resource": "arn:aws:sqs:*:123456789012:test0"}
                        ]
                      }
                    ]
                  }%s
                }""".formatted(description, queue, expect == null ? "" : ",\n  \"expect\": \"" + expect + "\"");
    }

    static String array(String... cases) {
        return "[\n" + String.join(",\n", cases) + "\n]\n";
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
