package io.distman.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.platform.entity.FieldError;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static String refusal(String username, String password) {
        Optional<FieldError> error = PasswordPolicy.check(username, password.toCharArray());
        assertTrue(error.isPresent(), () -> "'" + password + "' should be refused");
        assertEquals("password", error.get().field());
        return error.get().message();
    }

    @Test
    void shortPasswordsAreRefusedNamingTheLength() {
        assertEquals("must have at least 12 characters", refusal("anna", "Tr0ub4dor&3"));
    }

    @Test
    void aPasswordContainingTheUsernameIsRefusedWhateverTheCase() {
        assertEquals("must not contain the username", refusal("anna.agent", "my-ANNA.AGENT-is-long"));
    }

    @Test
    void veryCommonPasswordsAreRefusedEvenWhenLongEnough() {
        for (String common : new String[] {"password1234", "Password123!", "qwertyuiop123", "123456789012", "aaaaaaaaaaaa",
                "iloveyou2024"}) {
            assertTrue(refusal("anna", common).startsWith("is too easy to guess"), common);
        }
        assertTrue(refusal("anna", "password1234").contains("common password"));
    }

    @Test
    void longUnrelatedWordsAndRandomPasswordsAreAccepted() {
        for (String good : new String[] {"correct horse battery", "Tr0ub4dor&3xyz", "harbour-lantern-quietly-7"}) {
            assertEquals(Optional.empty(), PasswordPolicy.check("anna", good.toCharArray()), good);
        }
    }
}
