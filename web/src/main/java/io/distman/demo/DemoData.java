package io.distman.demo;

import io.distman.account.boundary.AccountService;
import io.distman.account.entity.Account;
import io.distman.account.entity.UserRole;
import io.distman.demo.DemoBackOffice.Tenant;
import io.distman.identity.boundary.SenderIdentities;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.math.BigDecimal;
import java.util.List;
import java.util.logging.Logger;

/**
 * Seeds the demo (only with {@code -Ddistman.demo=true}, which the run profile sets): two agencies,
 * their users, published API keys and verified sender domains (with DKIM keys), and a first day of
 * letters from the demo back office.
 * Runs once: a re-deploy finds the accounts and leaves everything as it is.
 */
@Singleton
@Startup
@DependsOn("distman-ejb.jar#SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
// AccountService's writes are provisioning's: the demo runs as that identity (principal in glassfish-ejb-jar.xml).
@DeclareRoles(AccountService.PROVISIONING)
@RunAs(AccountService.PROVISIONING)
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    /** Published in the README: the demo's REST credentials. */
    public static final String NORTHSIDE_KEY = "demo-northside-key";
    public static final String HARBOUR_KEY = "demo-harbour-key";
    /** Published in the README: every demo user signs in with this password. */
    public static final String PASSWORD = "demo-harbour-lantern";

    @EJB
    AccountService accounts;

    @EJB
    SenderIdentities identities;

    @EJB
    DemoBackOffice backOffice;

    @EJB
    DemoYesterday yesterday;

    @Resource
    TimerService timers;

    /** Seeds shortly after deployment, so the urgent letters' dispatch runs start in a deployed application. */
    @PostConstruct
    void scheduleSeeding() {
        if (Boolean.getBoolean("distman.demo")) {
            timers.createSingleActionTimer(2000, new TimerConfig("demo data", false));
        }
    }

    @Timeout
    void seed() {
        if (!Boolean.getBoolean("distman.demo") || accounts.byCode("northside").isPresent()) {
            return;
        }
        Account northside = accounts.create("northside", "Northside Lettings");
        Account harbour = accounts.create("harbour", "Harbour Property Management");
        accounts.storeApiKey(northside.getId(), "demo", NORTHSIDE_KEY);
        accounts.storeApiKey(harbour.getId(), "demo", HARBOUR_KEY);
        // The demo's domains are invented (no DNS to check): declared verified, as an installer would its own.
        identities.declareVerified(northside.getId(), "northside.example", "demo");
        identities.declareVerified(harbour.getId(), "harbour.example", "demo");
        accounts.addUser(northside.getId(), "anna", "Anna Agent", "anna@northside.example", UserRole.AGENT, PASSWORD.toCharArray());
        accounts.addUser(northside.getId(), "adam", "Adam Admin", "adam@northside.example", UserRole.ADMIN, PASSWORD.toCharArray());
        accounts.addUser(northside.getId(), "sam", "Sam Support", "sam@northside.example", UserRole.SUPPORT, PASSWORD.toCharArray());
        accounts.addUser(harbour.getId(), "hana", "Hana Agent", "hana@harbour.example", UserRole.AGENT, PASSWORD.toCharArray());
        accounts.addUser(harbour.getId(), "hugo", "Hugo Admin", "hugo@harbour.example", UserRole.ADMIN, PASSWORD.toCharArray());
        // The installation's operator: administers the accounts, works on none (the row needs an account: it is only storage).
        accounts.addUser(northside.getId(), "otto", "Otto Operator", "otto@distman.example", UserRole.OPERATOR, PASSWORD.toCharArray());

        accounts.grantSupport("sam", harbour.getId());
        accounts.grantModule(DemoBackOffice.PRINCIPAL, northside.getId(), "demo");
        accounts.grantModule(DemoBackOffice.PRINCIPAL, harbour.getId(), "demo");
        accounts.grantModule(DemoProvider.PRINCIPAL, northside.getId(), "demo");
        accounts.grantModule(DemoProvider.PRINCIPAL, harbour.getId(), "demo");

        List<Tenant> northTenants = List.of(
                new Tenant("Olivia Brown", "olivia.brown@tenant.example", "Flat 1, 12 Mill Street"),
                new Tenant("Jack Wilson", "jack.wilson@tenant.example", "Flat 2, 12 Mill Street"),
                new Tenant("Amelia Taylor", null, "Flat 3, 12 Mill Street"),
                new Tenant("Harry Davies", "harry.davies@tenant", "4 Quay Road"),
                new Tenant("Isla Evans", "isla.evans@tenant.example", "5 Quay Road"));
        List<Tenant> harbourTenants = List.of(
                new Tenant("Noah Thomas", "noah.thomas@tenant.example", "Unit 7, Harbour View"),
                new Tenant("Ava Roberts", "ava.roberts@@tenant.example", "Unit 8, Harbour View"),
                new Tenant("Leo Walker", "leo.walker@tenant.example", "Unit 9, Harbour View"));
        int demand = 4711;
        for (Tenant tenant : northTenants) {
            backOffice.sendDemand("northside", "Northside Lettings", "lettings@northside.example", "anna", demand++, tenant,
                    new BigDecimal("850.00"));
        }
        backOffice.sendReminder("northside", "Northside Lettings", "credit@northside.example", "adam", 301,
                northTenants.get(1), new BigDecimal("425.50"), 2);
        backOffice.sendReminder("northside", "Northside Lettings", "credit@northside.example", "adam", 302,
                northTenants.get(2), new BigDecimal("120.00"), 1);
        for (Tenant tenant : harbourTenants) {
            backOffice.sendDemand("harbour", "Harbour Property Management", "rent@harbour.example", "hana", demand++, tenant,
                    new BigDecimal("1200.00"));
        }
        backOffice.sendReminder("harbour", "Harbour Property Management", "rent@harbour.example", "hugo", 501,
                harbourTenants.get(0), new BigDecimal("600.00"), 2);
        // Yesterday's failures, so the workbench widget (switched on for both agencies) has something to show.
        yesterday.seed(northside, "Northside Lettings", "lettings@northside.example", "anna", "adam", 4801);
        yesterday.seed(harbour, "Harbour Property Management", "rent@harbour.example", "hana", "hugo", 4901);
        LOG.info("Demo data seeded: accounts northside and harbour, API keys " + NORTHSIDE_KEY + " and " + HARBOUR_KEY);
    }
}
