package io.distman.directory.control;

import io.distman.directory.boundary.RecipientDirectory;
import io.distman.directory.entity.Contact;
import io.distman.directory.entity.ContactFilter;
import io.distman.directory.entity.ContactRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The directory of the run profile and the tests: {@value #SIZE} contacts (or {@code distman.demo.contacts}), the same for every account and every run
 * (derived from the id alone), across blocks A to E. Every 11th has no email, every 13th opted out, every 7th
 * declined the newsletter, every 4th (from id 1) is in arrears, odd ids gave tracking consent, every 4th has a parking space (an
 * extra field). Typed to its own class so a host's {@link RecipientDirectory} is never ambiguous with it.
 */
@ApplicationScoped
@Typed(DemoDirectory.class)
public class DemoDirectory implements RecipientDirectory {

    public static final int SIZE = 300;
    static final String DOMAIN = "residents.example";
    private static final String[] FIRST = {"Anna", "Ben", "Clara", "David", "Eva", "Farid", "Greta", "Hugo", "Ines",
        "Jonas", "Karin", "Liam", "Mona", "Nils", "Olga", "Paul", "Rosa", "Sven", "Tara", "Umut"};
    private static final String[] LAST = {"Becker", "Okafor", "Schmidt", "Nowak", "Rossi", "Yilmaz", "Dubois", "Larsen",
        "Meyer", "Haddad", "Kowalski", "Fischer", "Moreau", "Novak", "Weber"};
    private static final String[] BLOCKS = {"A", "B", "C", "D", "E"};

    /**
     * How many contacts: {@value #SIZE}, or {@code distman.demo.contacts} (the serial-mail bench's 10,000). Each is
     * made from its id when asked for, so a large directory holds nothing in memory.
     */
    static int size() {
        return Math.max(0, Integer.getInteger("distman.demo.contacts", SIZE));
    }

    static Contact contact(int id) {
        String first = FIRST[id % FIRST.length];
        String last = LAST[(id * 7) % LAST.length];
        boolean female = id % 2 == 0;
        ContactRole role = ContactRole.values()[id % 3];
        String block = BLOCKS[id % BLOCKS.length];
        String unit = block + "-" + (100 + id);
        BigDecimal balance = id % 4 == 1 ? BigDecimal.valueOf(-(id * 3L + 50), 0).setScale(2)
                : BigDecimal.valueOf(id % 4 * 10L).setScale(2);
        String email = id % 11 == 0 ? null
                : (first + "." + last + "." + id + "@" + DOMAIN).toLowerCase(java.util.Locale.ROOT);
        Map<String, String> extra = id % 4 == 0 ? Map.of("parkingSpace", "P" + id) : Map.of();
        return new Contact(id, (female ? "Dear Ms " : "Dear Mr ") + last, first, last, email, role, block, unit,
                unit + ", " + block + " House, 1 Harbour Road, Northside", balance, id % 7 != 0, id % 13 == 0,
                id % 2 == 1, extra);
    }

    @Override
    public List<Contact> page(long accountId, ContactFilter filter, long afterId, int limit) {
        int first = (int) Math.max(1, Math.min(afterId + 1, Integer.MAX_VALUE));
        return IntStream.rangeClosed(first, size()).mapToObj(DemoDirectory::contact).filter(filter::matches)
                .limit(limit).toList();
    }

    @Override
    public List<Contact> byIds(long accountId, Collection<Long> ids) {
        int size = size();
        return ids.stream().filter(id -> id != null && id >= 1 && id <= size).sorted().distinct()
                .map(id -> contact(id.intValue())).toList();
    }
}
