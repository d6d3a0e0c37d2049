package io.github.xmppiot.examples.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.field.TimedField;
import io.github.xmppiot.core.thing.ReadScope;
import io.github.xmppiot.core.thing.SensorData;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.IntValue;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoBoardTest {

    private static Map<String, String> read(DemoBoard board) throws Exception {
        SensorData data = board.thing()
                .read(ReadScope.ALL, Clock.systemUTC())
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        assertThat(data.failures()).isEmpty();
        return data.fields().stream()
                .map(TimedField::field)
                .collect(Collectors.toMap(f -> f.name(), f -> f.value().lexical()));
    }

    @Test
    void simulatedBoardReadsEverySensorAndControlState() throws Exception {
        try (DemoBoard board = DemoBoard.simulated("DemoBoard")) {
            assertThat(read(board))
                    .containsEntry("Temperature", "25.08")
                    .containsEntry("Light", "320.00")
                    .containsEntry("Motion", "false")
                    .containsEntry("Relay", "false")
                    .containsEntry("Brightness", "0")
                    .containsKeys("Humidity", "Pressure");
        }
    }

    @Test
    void controlParametersDriveTheOutputsAndRejectOutOfRange() throws Exception {
        try (DemoBoard board = DemoBoard.simulated("DemoBoard")) {
            board.thing()
                    .parameter("Relay")
                    .orElseThrow()
                    .apply(BooleanValue.TRUE)
                    .toCompletableFuture()
                    .join();
            board.thing()
                    .parameter("Brightness")
                    .orElseThrow()
                    .apply(new IntValue(40))
                    .toCompletableFuture()
                    .join();
            assertThat(board.relayOn()).isTrue();
            assertThat(board.brightness()).isEqualTo(40);
            assertThat(board.thing().parameter("Brightness").orElseThrow().validate(new IntValue(150)))
                    .isPresent();
            board.simulateMotion(true);
            assertThat(read(board))
                    .containsEntry("Motion", "true")
                    .containsEntry("Relay", "true")
                    .containsEntry("Brightness", "40");
        }
    }
}
