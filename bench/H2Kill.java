import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reproduces H2 2.5.252 losing acknowledged commits on SIGKILL, with plain JDBC and the store's
 * URL options (nothing of Frameproof). A child commits one row per transaction and prints
 * "ACK n end" after each commit returns; the parent SIGKILLs it at a random moment, opens the
 * database itself (and closes it, as the app's next start would) and checks every acknowledged row.
 * It stops at the first loss.
 * <ul>
 *   <li>{@code write}: the kill lands while the child commits, up to WINDOW ms after its first commit.</li>
 *   <li>{@code close}: the child closes and reopens its connection every 60 commits, so H2 closes
 *       (and compacts) the file; the kill lands up to WINDOW ms after the second close begins.</li>
 * </ul>
 * Run from the project folder after {@code mvn package}:
 * <pre>
 *   javac -cp "target/lib/*" -d /tmp/h2kill bench/H2Kill.java
 *   java -cp "target/lib/*:/tmp/h2kill" H2Kill write /tmp/h2kill/db 600 300
 * </pre>
 * Extra URL options come from the environment variable H2_EXTRA_OPTIONS (the child inherits it),
 * e.g. {@code ";MAX_COMPACT_TIME=0"}; H2_OPTIONS replaces the store's options (e.g. without CIPHER).
 */
public final class H2Kill {
    private static final String OPTIONS = System.getenv().getOrDefault("H2_OPTIONS", ";CIPHER=AES;WRITE_DELAY=0;TRACE_LEVEL_FILE=0")
            + System.getenv().getOrDefault("H2_EXTRA_OPTIONS", "");
    private static final int COMMITS_PER_CONNECTION = 60;

    private H2Kill() {
    }

    private static Connection connect(String base) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + base + OPTIONS, "sa", "filepw userpw");
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("child")) {
            child(args[1], args[2], Long.parseLong(args[3]));
            return;
        }
        String mode = args[0];
        String base = args[1];
        int kills = Integer.parseInt(args[2]);
        int windowMs = Integer.parseInt(args[3]);
        try (Connection connection = connect(base); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS t (n BIGINT PRIMARY KEY, payload VARCHAR(2000))");
            sql.execute("CREATE TABLE IF NOT EXISTS filler (id BIGINT AUTO_INCREMENT PRIMARY KEY, payload VARCHAR(8000))");
        }
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        Random random = new Random();
        long next = 1;
        for (int kill = 1; kill <= kills; kill++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), H2Kill.class.getName(), "child", mode, base, Long.toString(next))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            CountDownLatch armed = new CountDownLatch(1);
            Thread reader = new Thread(() -> read(child, mode, acknowledged, armed));
            reader.start();
            armed.await(60, TimeUnit.SECONDS);
            Thread.sleep(random.nextInt(windowMs));
            child.destroyForcibly();
            child.waitFor();
            reader.join();
            Set<Long> present = new HashSet<>();
            long highest = 0;
            try (Connection connection = connect(base); Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT n FROM t")) {
                while (rows.next()) {
                    present.add(rows.getLong(1));
                    highest = Math.max(highest, rows.getLong(1));
                }
            }
            List<Long> lost = acknowledged.stream().filter(n -> !present.contains(n)).sorted().toList();
            System.out.printf("kill %d: acknowledged %d, present %d, lost %d%s%n", kill, acknowledged.size(), present.size(),
                    lost.size(), lost.isEmpty() ? "" : " (" + lost.get(0) + ".." + lost.get(lost.size() - 1) + ")");
            if (!lost.isEmpty()) {
                System.exit(1);
            }
            next = highest + 1;
        }
    }

    private static void read(Process child, String mode, Set<Long> acknowledged, CountDownLatch armed) {
        int closes = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.matches("ACK \\d+ end")) {
                    acknowledged.add(Long.parseLong(line.substring(4, line.length() - 4)));
                    if (mode.equals("write")) {
                        armed.countDown();
                    }
                } else if (line.equals("CLOSING") && ++closes == 2) {
                    armed.countDown();
                }
            }
        } catch (IOException ignored) {
            // The pipe breaks when the child is killed.
        }
    }

    private static void child(String mode, String base, long next) throws Exception {
        String payload = "observation ".repeat(100);
        for (long n = next; ; ) {
            try (Connection connection = connect(base);
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?)");
                 PreparedStatement fill = connection.prepareStatement("INSERT INTO filler (payload) VALUES (?)");
                 Statement sql = connection.createStatement()) {
                connection.setAutoCommit(false);
                for (int i = 0; mode.equals("write") || i < COMMITS_PER_CONNECTION; i++, n++) {
                    insert.setLong(1, n);
                    insert.setString(2, payload);
                    insert.executeUpdate();
                    if (mode.equals("close")) {
                        // Rows that are deleted again leave sparse chunks behind, which the close compacts.
                        fill.setString(1, payload.repeat(5));
                        fill.executeUpdate();
                    }
                    connection.commit();
                    System.out.println("ACK " + n + " end");
                    if (mode.equals("close") && i % 10 == 9) {
                        sql.execute("DELETE FROM filler WHERE MOD(id, 3) <> 0");
                        connection.commit();
                    }
                }
                System.out.println("CLOSING");
            }
        }
    }
}
