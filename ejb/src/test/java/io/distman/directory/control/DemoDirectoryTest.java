package io.distman.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.directory.entity.Contact;
import io.distman.directory.entity.ContactFilter;
import io.distman.directory.entity.ContactRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoDirectoryTest {

    private final DemoDirectory directory = new DemoDirectory();

    @Test
    void holdsEveryKindOfContactTheIssueNames() {
        List<Contact> all = directory.page(1, ContactFilter.ALL, 0, 1000);
        assertEquals(DemoDirectory.SIZE, all.size());
        assertTrue(all.stream().anyMatch(c -> !c.hasEmail()));
        assertTrue(all.stream().anyMatch(Contact::optedOut));
        assertTrue(all.stream().anyMatch(c -> !c.newsletter()));
        assertTrue(all.stream().anyMatch(Contact::inArrears));
        assertTrue(all.stream().anyMatch(c -> c.extra().containsKey("parkingSpace")));
        assertEquals(3, all.stream().map(Contact::role).distinct().count());
        assertEquals(5, all.stream().map(Contact::block).distinct().count());
        assertEquals(all, new DemoDirectory().page(1, ContactFilter.ALL, 0, 1000), "the same every time");
    }

    @Test
    void pagesByIdThroughAFilter() {
        ContactFilter leaseholdersOfBInArrears = new ContactFilter(ContactRole.LEASEHOLDER, "b", true, null);
        List<Contact> paged = new ArrayList<>();
        long after = 0;
        for (List<Contact> page; !(page = directory.page(1, leaseholdersOfBInArrears, after, 3)).isEmpty(); ) {
            paged.addAll(page);
            after = page.get(page.size() - 1).id();
        }
        assertTrue(paged.size() > 3);
        assertTrue(paged.stream().allMatch(c -> c.role() == ContactRole.LEASEHOLDER && "B".equals(c.block()) && c.inArrears()));
        assertEquals(paged, directory.page(1, leaseholdersOfBInArrears, 0, 1000));
    }

    @Test
    void mergeFieldsLeaveOutWhatIsMissing() {
        Contact withoutEmail = directory.byIds(1, List.of(11L)).get(0);
        assertTrue(!withoutEmail.mergeFields().containsKey("email"));
        assertTrue(withoutEmail.mergeFields().containsKey("salutation"));
    }
}
