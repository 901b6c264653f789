package id.ruangaman.testing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.ruangaman.security.crypto.DecryptionException;
import id.ruangaman.security.crypto.FieldCipher;

/**
 * Looks for needles (a sentinel phrase, a phone number) in every column of every table of the public schema,
 * found through {@code information_schema}, so a table or column added later is scanned too. Values are
 * read as text; a bytea value is decrypted with the service's cipher when it is a ciphertext (in the
 * decrypted mode) or read raw. Every value is also searched after base64-decoding each base64-looking run
 * in it (a WhatsApp wamid is base64 of a record that embeds the number).
 */
public final class DatabaseScan {

    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{12,}={0,2}");

    private DatabaseScan() {
    }

    /**
     * A point in the database's history: the oldest transaction still running when it was taken. A row written by a
     * transaction at or after it has an {@code xmin} at least this; every row written or changed before it has a lower
     * one (rows written before the point by transactions already ended, which could not have read anything sent later).
     * {@code xid}: the 32-bit transaction id, as a row's {@code xmin} holds it (a test database never wraps around).
     */
    public record Since(long xid) {

        /** The whole history: every row. */
        public static final Since EVER = new Since(0);
    }

    /** The point now, for a test that scans afterwards for needles only it could have written ({@link #find}). */
    public static Since mark(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select txid_snapshot_xmin(txid_current_snapshot()) % 4294967296")) {
            row.next();
            return new Since(row.getLong(1));
        }
    }

    /**
     * Where the needles were found, as {@code table.column: needle} lines; empty if nowhere.
     * With {@code decrypt} false only plain storage is searched (what a plain {@code pg_dump} shows).
     */
    public static List<String> find(Connection connection, FieldCipher cipher, boolean decrypt, List<String> needles)
            throws SQLException {
        return find(connection, cipher, decrypt, needles, Since.EVER);
    }

    /**
     * As {@link #find(Connection, FieldCipher, boolean, List)}, reading only the rows written or changed {@code since}
     * ({@link #mark}): for needles no earlier row can hold (a test's own synthetic marker, the keys of a chat it made),
     * the same answer, without decrypting every row every earlier test left in the shared test database.
     */
    public static List<String> find(Connection connection, FieldCipher cipher, boolean decrypt, List<String> needles, Since since)
            throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select c.table_name, c.column_name, c.data_type from information_schema.columns c "
                        + "join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name "
                        + "where c.table_schema = 'public' and t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position")) {
            while (rows.next()) {
                columns.put(rows.getString(1) + "." + rows.getString(2), rows.getString(3));
            }
        }
        List<String> found = new ArrayList<>();
        Needles index = new Needles(needles);
        for (Map.Entry<String, String> column : columns.entrySet()) {
            String[] name = column.getKey().split("\\.");
            boolean bytes = "bytea".equals(column.getValue());
            String select = "select \"" + name[1] + "\"" + (bytes ? "" : "::text") + " from \"" + name[0] + "\" where \"" + name[1]
                    + "\" is not null" + (since.xid() > 0 ? " and xmin::text::bigint >= " + since.xid() : "");
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(select)) {
                while (rows.next()) {
                    String text = bytes ? bytesAsText(rows.getBytes(1), cipher, decrypt) : rows.getString(1);
                    Set<String> hits = index.foundIn(text);
                    for (String needle : needles) {
                        if (hits.contains(needle)) {
                            found.add(column.getKey() + ": " + needle);
                        }
                    }
                }
            }
        }
        return found.stream().distinct().toList();
    }

    /**
     * The forms in which a lookup key of one of a person's platform ids can be stored, as needles for {@link #find}:
     * each key's raw bytes (as a {@code bytea} column is read), lowercase hex, base64 and base64url (as a text column
     * or a Postgres {@code \\x} rendering would hold it). {@code keys}: the keys themselves (a contact's blind index, a
     * {@code h1:} provider key decoded to its bytes).
     */
    public static List<String> keyNeedles(List<byte[]> keys) {
        List<String> needles = new ArrayList<>();
        for (byte[] key : keys) {
            needles.add(new String(key, StandardCharsets.ISO_8859_1));
            needles.add(java.util.HexFormat.of().formatHex(key));
            needles.add(Base64.getEncoder().withoutPadding().encodeToString(key));
            needles.add(Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        }
        return needles;
    }

    /** The count of rows found in the whole database, to show a scan actually read something. */
    public static long ciphertexts(Connection connection, FieldCipher cipher, String table, String column) throws SQLException {
        long count = 0;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select " + column + " from " + table + " where " + column + " is not null")) {
            while (rows.next()) {
                try {
                    cipher.decrypt(rows.getBytes(1));
                    count++;
                } catch (DecryptionException e) {
                    // not a ciphertext
                }
            }
        }
        return count;
    }

    private static String bytesAsText(byte[] value, FieldCipher cipher, boolean decrypt) {
        if (decrypt) {
            try {
                return new String(cipher.decrypt(value), StandardCharsets.UTF_8);
            } catch (DecryptionException e) {
                // not a ciphertext (a hash, public flow text): searched as it is stored
            }
        }
        return new String(value, StandardCharsets.ISO_8859_1);
    }

    /**
     * The needles, indexed by their first {@value #PREFIX} characters, so a value is read once for all of them (a scan
     * for the keys of a person's ids has over a thousand needles): finds what {@link #contains} finds, for every needle
     * at once.
     */
    private static final class Needles {

        private static final int PREFIX = 4;
        private final Map<String, List<String>> byPrefix = new HashMap<>();
        private final List<String> shortOnes = new ArrayList<>();

        Needles(List<String> needles) {
            for (String needle : needles) {
                if (needle.length() < PREFIX) {
                    shortOnes.add(needle);
                } else {
                    byPrefix.computeIfAbsent(needle.substring(0, PREFIX), prefix -> new ArrayList<>()).add(needle);
                }
            }
        }

        Set<String> foundIn(String text) {
            Set<String> hits = new HashSet<>();
            for (String variant : variants(text)) {
                for (String needle : shortOnes) {
                    if (variant.contains(needle)) {
                        hits.add(needle);
                    }
                }
                for (int at = 0; at + PREFIX <= variant.length(); at++) {
                    List<String> candidates = byPrefix.get(variant.substring(at, at + PREFIX));
                    if (candidates != null) {
                        for (String needle : candidates) {
                            if (variant.startsWith(needle, at)) {
                                hits.add(needle);
                            }
                        }
                    }
                }
            }
            return hits;
        }
    }

    /** The text itself, and each base64-looking run in it decoded as {@link #contains} decodes it. */
    private static List<String> variants(String text) {
        List<String> variants = new ArrayList<>();
        variants.add(text);
        Matcher runs = BASE64_RUN.matcher(text);
        while (runs.find()) {
            String run = runs.group().replace("=", "");
            for (int offset = 0; offset < 4; offset++) {
                String part = run.substring(offset);
                part = part.length() % 4 == 1 ? part.substring(0, part.length() - 1) : part;
                for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
                    try {
                        variants.add(new String(decoder.decode(part), StandardCharsets.ISO_8859_1));
                    } catch (IllegalArgumentException e) {
                        // not base64 in this alphabet
                    }
                }
            }
        }
        return variants;
    }

    static boolean contains(String text, String needle) {
        if (text.contains(needle)) {
            return true;
        }
        Matcher runs = BASE64_RUN.matcher(text);
        while (runs.find()) {
            String run = runs.group().replace("=", "");
            for (int offset = 0; offset < 4; offset++) { // the base64 may start anywhere in the run
                String part = run.substring(offset);
                part = part.length() % 4 == 1 ? part.substring(0, part.length() - 1) : part;
                for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
                    try {
                        if (new String(decoder.decode(part), StandardCharsets.ISO_8859_1).contains(needle)) {
                            return true;
                        }
                    } catch (IllegalArgumentException e) {
                        // not base64 in this alphabet
                    }
                }
            }
        }
        return false;
    }
}
