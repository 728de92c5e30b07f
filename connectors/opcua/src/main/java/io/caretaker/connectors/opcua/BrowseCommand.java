package io.caretaker.connectors.opcua;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Command line: lists a server's variables so an engineer can write a profile.
 * <pre>
 * java -cp hub.jar -Dloader.main=io.caretaker.connectors.opcua.BrowseCommand org.springframework.boot.loader.launch.PropertiesLauncher \
 *      opc.tcp://plc:4840 [--securityPolicy=Basic256Sha256] [--securityMode=SignAndEncrypt] [--username=operator]
 *      [--pki=data/opcua-client-pki]
 * </pre>
 * The password comes from the environment variable {@code CARETAKER_OPCUA_PASSWORD}, never from the command line,
 * where other users of the machine could read it.
 */
public final class BrowseCommand {

    static final String PASSWORD_VARIABLE = "CARETAKER_OPCUA_PASSWORD";

    private BrowseCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        System.exit(status);
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        String endpoint = null;
        String policy = null;
        String mode = null;
        String username = null;
        String pki = OpcUaComponent.DEFAULT_PKI_DIRECTORY;
        for (String arg : args) {
            if (arg.startsWith("--securityPolicy=")) {
                policy = arg.substring("--securityPolicy=".length());
            } else if (arg.startsWith("--securityMode=")) {
                mode = arg.substring("--securityMode=".length());
            } else if (arg.startsWith("--username=")) {
                username = arg.substring("--username=".length());
            } else if (arg.startsWith("--pki=")) {
                pki = arg.substring("--pki=".length());
            } else if (!arg.startsWith("--") && endpoint == null) {
                endpoint = arg;
            } else {
                err.println("unknown argument '" + arg + "'; usage: BrowseCommand opc.tcp://host:port/path "
                        + "[--securityPolicy=None|Basic256Sha256] [--securityMode=None|Sign|SignAndEncrypt] "
                        + "[--username=<user>] [--pki=<directory>]; the password is read from " + PASSWORD_VARIABLE);
                return 2;
            }
        }
        String password = username == null ? null : environment.get(PASSWORD_VARIABLE);
        if (username != null && password == null) {
            err.println("--username=" + username + " needs a password; set the environment variable " + PASSWORD_VARIABLE);
            return 2;
        }
        try (ClientPki clientPki = ClientPki.open(Path.of(pki))) {
            ServerAddress address = new ServerAddress(endpoint, ServerAddress.policy(policy), ServerAddress.mode(mode),
                    username, password);
            List<BrowsedVariable> variables = new Browser(clientPki).browse(address);
            print(variables, out);
            if (variables.size() >= Browser.MAX_VARIABLES) {
                err.println("stopped after " + Browser.MAX_VARIABLES + " variables; the server has more");
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("browse of " + endpoint + " failed: " + ServerConnection.rootMessage(e)
                    + "; if the server's certificate is not trusted yet, move it from " + Path.of(pki, "rejected", "certs")
                    + " into " + Path.of(pki, "trusted", "certs") + " and try again");
            return 1;
        }
    }

    static void print(List<BrowsedVariable> variables, PrintStream out) {
        int nodeWidth = Math.max("NODE ID".length(), variables.stream().mapToInt(v -> v.nodeId().length()).max().orElse(0));
        int pathWidth = Math.max("BROWSE PATH".length(), variables.stream().mapToInt(v -> v.browsePath().length()).max().orElse(0));
        int typeWidth = Math.max("TYPE".length(), variables.stream().mapToInt(v -> v.dataType().length()).max().orElse(0));
        String format = "%-" + nodeWidth + "s  %-" + pathWidth + "s  %-" + typeWidth + "s  %s%n";
        out.printf(format, "NODE ID", "BROWSE PATH", "TYPE", "UNIT");
        variables.forEach(v -> out.printf(format, v.nodeId(), v.browsePath(), v.dataType(), v.unit()));
    }
}
