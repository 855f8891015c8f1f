package io.sigil.server;

import io.sigil.server.cli.ServeArgs;
import io.sigil.server.cli.ServeCommand;
import picocli.CommandLine;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code sigil} command line's entry point: a plain {@code sigil serve} runs at once (see {@link ServeArgs}),
 * everything else goes through picocli's command tree, {@link SigilCommand}. Exit codes: 0 success, 1 the command's
 * check failed (errors found, cases failed), 2 usage error or unreadable input, 70 an internal error (reported in
 * one line, never as a stack trace).
 *
 * <p>No picocli type appears in this class's method signatures: the Java launcher reflects on the main class's
 * methods, which loaded picocli's {@code CommandLine} (a class too old for class-data sharing, read and verified
 * from the jar) at every server start.
 */
public final class Main {
    /** Exit code for a failure inside sigil itself (sysexits.h EX_SOFTWARE). */
    public static final int INTERNAL_ERROR = 70;

    public static void main(String[] args) {
        preferLegacyLocaleData();
        orderJceBeforeEc();
        // A plain `sigil serve` command line skips picocli's command tree (cold start: see ServeArgs).
        Optional<ServeCommand> serve = ServeArgs.parse(args);
        System.exit(serve.isPresent() ? serve(serve.get()) : execute(args));
    }

    /**
     * Cold start, on JDK 17 to 20 only: the JDK's legacy locale data (the COMPAT provider) instead of CLDR's, unless
     * {@code java.locale.providers} is set already. Every start of the server makes the JDK list all its locales
     * twice, once for Jetty's {@code MimeTypes} ({@code Locale.getAvailableLocales()}) and once for the SQLite
     * driver's date format (a {@code Calendar}); CLDR has about 800 of them, each parsed from its tag in the
     * interpreter, the legacy data about 160. Started with it, the server answered its first signed call in 536 ms
     * against 605 (sigil-bench's ColdStart, medians of 8 alternating rounds) and used 810 ms of CPU against 970.
     * What a client sees does not change: AWS's wire formats are locale-free, and Sigil formats nothing with the
     * default locale ({@code Locale.ROOT} where a format could depend on it). From JDK 21 on the JDK warns that
     * COMPAT goes away (JDK 23 removed it), so there its default stays. Set first, before anything reads locale
     * data: the JDK reads the property once, when its locale service starts.
     */
    private static void preferLegacyLocaleData() {
        String providers = localeProviders(Runtime.version().feature(), System.getProperty(LOCALE_PROVIDERS));
        if (providers != null) {
            System.setProperty(LOCALE_PROVIDERS, providers);
        }
    }

    /** The locale providers to set on JDK {@code feature} when the property is {@code current}; null: leave it. */
    static String localeProviders(int feature, String current) {
        return feature < 21 && current == null ? "COMPAT" : null;
    }

    private static final String LOCALE_PROVIDERS = "java.locale.providers";

    /**
     * Cold start, on JDK 17 to 21 with the JDK's own provider list only: SunJCE third and SunEC fifth instead of the
     * other way round. Every start looks up AES-GCM and HMAC-SHA256, which only SunJCE has, so the lookup loaded
     * SunEC on its way; and SunEC, outside java.base until JDK 22, loads through a ServiceLoader that instantiates
     * the providers of other modules it meets first (XMLDSig, SunPKCS11, SunPCSC, JdkSASL, SunJGSS: none to five of
     * them, in an order that changes from run to run), 10-20 ms of CPU in the median of a start (sigil-bench's
     * ColdStart). SunEC, SunJSSE and SunJCE offer no algorithm in common (MainTest checks it on the JDK it runs
     * on), so every lookup still finds the provider it found before. Set before any lookup: the JDK reads the list
     * once, at its first.
     */
    private static void orderJceBeforeEc() {
        providerSwap(Runtime.version().feature(), Security.getProperty(THIRD_PROVIDER),
                Security.getProperty(FIFTH_PROVIDER)).forEach(Security::setProperty);
    }

    /** The provider-list entries to set on JDK {@code feature} whose third and fifth are these; empty: none. */
    static Map<String, String> providerSwap(int feature, String third, String fifth) {
        return feature >= 17 && feature <= 21 && "SunEC".equals(third) && "SunJCE".equals(fifth)
                ? Map.of(THIRD_PROVIDER, "SunJCE", FIFTH_PROVIDER, "SunEC")
                : Map.of();
    }

    static final String THIRD_PROVIDER = "security.provider.3";
    static final String FIFTH_PROVIDER = "security.provider.5";

    private static int execute(String[] args) {
        // Java 17 takes stdout's charset from the locale; JSON policies and case descriptions are UTF-8 (JEP 400).
        CommandLine cli = SigilCommand.commandLine()
                .setOut(utf8(FileDescriptor.out))
                .setErr(utf8(FileDescriptor.err));
        return cli.execute(args);
    }

    /** Runs a serve command as picocli's execute does: its exit code, or the internal-error line and 70. */
    private static int serve(ServeCommand serve) {
        try {
            Integer code = serve.call();
            return code == null ? 0 : code;
        } catch (Exception ex) {
            PrintWriter err = utf8(FileDescriptor.err);
            err.println(internalError(ex));
            err.flush();
            return INTERNAL_ERROR;
        }
    }

    static String internalError(Exception ex) {
        return "sigil: internal error: " + ex;
    }

    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }

}
