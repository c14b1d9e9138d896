package io.distman.account.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void aUsernameIsNoCallerOfAnotherKind() {
        assertTrue(Names.usernameProblem("anna").isEmpty());
        assertTrue(Names.usernameProblem("anna.smith@northside").isEmpty());
        assertFalse(Names.usernameProblem("apikey:abc").isEmpty(), "an API-key caller's name");
        assertFalse(Names.usernameProblem("anonymous").isEmpty(), "the container's unauthenticated caller");
        assertFalse(Names.usernameProblem(" anna").isEmpty());
        assertFalse(Names.usernameProblem("an\nna").isEmpty());
        assertFalse(Names.usernameProblem("a".repeat(101)).isEmpty());
        assertFalse(Names.usernameProblem(null).isEmpty());
    }

    @Test
    void aModulePrincipalIsNoApiKey() {
        assertTrue(Names.modulePrincipalProblem("distman-demo-backoffice").isEmpty());
        assertTrue(Names.modulePrincipalProblem("module:billing").isEmpty(), "a colon is fine for a module");
        assertFalse(Names.modulePrincipalProblem("apikey:abc").isEmpty());
        assertFalse(Names.modulePrincipalProblem("ANONYMOUS").isEmpty());
        assertFalse(Names.modulePrincipalProblem("  ").isEmpty());
    }
}
