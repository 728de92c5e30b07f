package io.caretaker.simulators.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.caretaker.simulators.SimulatedDevice.Behaviour;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** mbpoll, a Modbus master nobody here wrote, reads the simulator: proof that the simulator speaks real Modbus TCP. */
class ModbusSimulatorMbpollIT {

    private static final Path MBPOLL = Path.of("/usr/bin/mbpoll");
    private static final Pattern VALUE = Pattern.compile("^\\[(\\d+)]:\\s+(\\S+)", Pattern.MULTILINE);

    private ModbusSimulatorServer server;
    private SimulatedEnergyMeter meter2;

    @BeforeEach
    void start() {
        assumeTrue(Files.isExecutable(MBPOLL), "skipped: " + MBPOLL + " is absent; install it with apt-get install"
                + " mbpoll, as .ci/run does");
        server = new ModbusSimulatorServer("127.0.0.1", 0);
        server.addEnergyMeter("meter-1", 1, Clock.systemUTC());
        meter2 = server.addEnergyMeter("meter-2", 2, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void mbpollReadsTheSdm630RegistersAsFloats() throws Exception {
        // -t 3:float -B: input registers (function 4), float32 high word first; -r 1 is register 30001
        List<Double> volts = mbpoll("-a", "1", "-t", "3:float", "-B", "-r", "1", "-c", "3");
        List<Double> frequencyAndImport = mbpoll("-a", "1", "-t", "3:float", "-B", "-r", "71", "-c", "2");

        assertThat(volts).hasSize(3).allSatisfy(v -> assertThat(v).isCloseTo(230.0, within(5.0)));
        assertThat(frequencyAndImport.get(0)).isCloseTo(50.0, within(0.2));
        assertThat(frequencyAndImport.get(1)).isGreaterThan(1000.0);
    }

    @Test
    void mbpollReachesEachUnitBehindTheGateway() throws Exception {
        meter2.behave(Behaviour.FAULT);

        assertThat(mbpoll("-a", "2", "-t", "3:float", "-B", "-r", "1", "-c", "1"))
                .containsExactly(SimulatedEnergyMeter.FAULT_VOLTAGE);
        assertThat(mbpoll("-a", "1", "-t", "3:float", "-B", "-r", "1", "-c", "1").get(0)).isCloseTo(230.0, within(5.0));
    }

    /** One poll (-1) over Modbus TCP; the values mbpoll printed, in order. */
    private List<Double> mbpoll(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(MBPOLL.toString(), "-m", "tcp", "-p", String.valueOf(server.port()),
                "-o", "2", "-1"));
        command.addAll(List.of(args));
        command.add("127.0.0.1");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("mbpoll finished").isTrue();
        assertThat(process.exitValue()).as("mbpoll exit code; output:%n%s", output).isZero();
        List<Double> values = new ArrayList<>();
        Matcher m = VALUE.matcher(output);
        while (m.find()) {
            values.add(Double.parseDouble(m.group(2)));
        }
        assertThat(values).as("values in mbpoll output:%n%s", output).isNotEmpty();
        return values;
    }
}
