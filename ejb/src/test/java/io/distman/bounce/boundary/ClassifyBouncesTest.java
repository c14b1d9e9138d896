package io.distman.bounce.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyBouncesTest {

    @Test
    void printsOneLinePerRecipientSortedByFileAndKeepsNonBounces(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.eml"), """
                From: friend@example.com
                To: me@example.org
                Subject: hello

                just a note
                """);
        Files.writeString(dir.resolve("a.eml"), """
                From: MAILER-DAEMON@mx.example.org
                To: me@example.org
                Subject: failure notice

                Hi. This is the qmail-send program at mx.example.org.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <nobody@example.jp>:
                Sorry, no mailbox here by that name. (#5.1.1)

                --- Below this line is a copy of the message.

                From: me@example.org
                To: nobody@example.jp
                """);
        Files.writeString(dir.resolve("ignored.txt"), "not an eml");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int failures = ClassifyBounces.run(dir, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, failures);
        assertEquals(List.of("a.eml\tnobody@example.jp\thard\tuserunknown\t5.1.1", "b.eml\t\tunknown\t\t"), lines);
        assertTrue(lines.stream().allMatch(l -> l.split("\t", -1).length == 5));
    }
}
