import java.io.*;
import java.nio.file.*;
import java.sql.*;
import java.util.*;
import java.util.concurrent.*;

/**
 * Reproduces an H2 2.5.252 loss with plain H2 and the store's URL options minus MAX_COMPACT_TIME=0:
 * a child commits rows (printing "ACK n end" after each commit), closes its connection so H2 closes
 * and compacts the file, and opens it again; the parent SIGKILLs it at random moments just after a
 * close begins and checks that every acknowledged row is there. Run from the project folder:
 *   javac -cp "target/lib/*" -d /tmp/h2ck bench/H2CloseKill.java
 *   java -cp "target/lib/*:/tmp/h2ck" H2CloseKill parent /tmp/h2ck/db 150 250
 * (150 kills, each up to 250 ms after the second close). It stops at the first loss. With
 * H2_EXTRA_OPTIONS=";MAX_COMPACT_TIME=0" in the environment it checks the store's setting.
 */
public class H2CloseKill {
    /** Extra options from H2_EXTRA_OPTIONS (the child inherits it), e.g. ";MAX_COMPACT_TIME=0" to check the fix. */
    static final String OPTIONS = ";CIPHER=AES;WRITE_DELAY=0;TRACE_LEVEL_FILE=0" + System.getenv().getOrDefault("H2_EXTRA_OPTIONS", "");
    static Connection connect(String base) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + base + OPTIONS, "sa", "filepw userpw");
    }
    public static void main(String[] args) throws Exception {
        if (args[0].equals("child")) { child(args[1], Long.parseLong(args[2])); return; }
        String base = args[1]; int kills = Integer.parseInt(args[2]); int windowMs = Integer.parseInt(args[3]);
        try (Connection c = connect(base); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS t (n BIGINT PRIMARY KEY, payload VARCHAR(2000))"); s.execute("CREATE TABLE IF NOT EXISTS filler (id BIGINT AUTO_INCREMENT PRIMARY KEY, payload VARCHAR(8000))");
        }
        Set<Long> acked = ConcurrentHashMap.newKeySet(); long next = 1; Random random = new Random();
        for (int k = 1; k <= kills; k++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), "H2CloseKill", "child", base, Long.toString(next))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            CountDownLatch closing = new CountDownLatch(1); int[] closes = {0};
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                    for (String l = in.readLine(); l != null; l = in.readLine()) {
                        if (l.matches("ACK \\d+ end")) acked.add(Long.parseLong(l.substring(4, l.length() - 4)));
                        if (l.equals("CLOSING") && ++closes[0] == 2) closing.countDown();
                    }
                } catch (IOException ignored) { }
            });
            reader.start();
            closing.await(60, TimeUnit.SECONDS);
            Thread.sleep(random.nextInt(windowMs));
            p.destroyForcibly(); p.waitFor(); reader.join();
            long highest = 0; Set<Long> present = new HashSet<>();
            try (Connection c = connect(base); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT n FROM t")) {
                while (r.next()) { present.add(r.getLong(1)); highest = Math.max(highest, r.getLong(1)); }
            }
            List<Long> lost = acked.stream().filter(n -> !present.contains(n)).sorted().toList();
            System.out.printf("kill %d: acked %d, present %d, lost %d%s%n", k, acked.size(), present.size(), lost.size(),
                    lost.isEmpty() ? "" : " " + lost.get(0) + ".." + lost.get(lost.size() - 1));
            if (!lost.isEmpty()) System.exit(1);
            next = highest + 1;
        }
    }
    static void child(String base, long next) throws Exception {
        String payload = "observation ".repeat(100);
        for (long n = next; ; ) {
            try (Connection c = connect(base)) {
                c.setAutoCommit(false);
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO t VALUES (?, ?)");
                     PreparedStatement fill = c.prepareStatement("INSERT INTO filler (payload) VALUES (?)");
                     Statement del = c.createStatement()) {
                    for (int i = 0; i < 60; i++, n++) {
                        ins.setLong(1, n); ins.setString(2, payload); ins.executeUpdate();
                        for (int f = 0; f < 5; f++) { fill.setString(1, payload.repeat(5)); fill.executeUpdate(); }
                        c.commit();
                        System.out.println("ACK " + n + " end");
                        if (i % 10 == 9) { del.execute("DELETE FROM filler WHERE MOD(id, 3) <> 0"); c.commit(); }
                    }
                    // delete some rows' worth of space churn so compaction has something to move
                }
                System.out.println("CLOSING");
            }
        }
    }
}
