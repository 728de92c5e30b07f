package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** The Modbus parts of a profile a schema cannot check: fields that suit the table, type and kind, and stated numbering. */
final class ModbusChecks {

    private static final Set<String> REGISTER_ONLY = Set.of(
            "type", "wordOrder", "byteOrder", "scale", "offset", "scaleRegister", "bit", "mask", "shift", "length");

    private ModbusChecks() {
    }

    /** One point's Modbus binding. */
    static void checkPoint(YamlDocument doc, String at, JsonNode point, JsonNode root, List<ConfigurationProblem> problems) {
        JsonNode modbus = point.path("bindings").path("modbus");
        if (modbus.isMissingNode()) {
            return;
        }
        String here = at + "/bindings/modbus";
        String table = modbus.path("table").asText();
        String kind = point.path("kind").asText();
        boolean bitTable = table.equals("coil") || table.equals("discrete-input");
        boolean oneBased = "one-based".equals(root.path("modbus").path("registerNumbering").asText());
        if (oneBased && modbus.path("address").asInt() < 1) {
            problems.add(doc.problem(here + "/address", "the profile numbers registers one-based, so 0 is not a register;"
                    + " use the vendor's number (first register is 1) or set modbus.registerNumbering: zero-based"));
        }
        if (!oneBased && modbus.path("address").asInt() > 65535) {
            problems.add(doc.problem(here + "/address", "a zero-based wire address is 0..65535"));
        }
        if (bitTable) {
            if (!"boolean".equals(kind)) {
                problems.add(doc.problem(at + "/kind", "a point read from a " + table + " must have kind boolean"));
            }
            for (String field : REGISTER_ONLY) {
                if (modbus.has(field)) {
                    problems.add(doc.problem(here + "/" + field, "a " + table + " is one bit; remove " + field));
                }
            }
        } else {
            checkRegister(doc, at, here, kind, modbus, oneBased, problems);
        }
        if (modbus.path("writable").asBoolean(false)) {
            checkWritable(doc, here, table, modbus, problems);
        }
    }

    private static void checkRegister(YamlDocument doc, String at, String here, String kind, JsonNode modbus,
                                      boolean oneBased, List<ConfigurationProblem> problems) {
        String type = modbus.path("type").asText("uint16");
        boolean string = type.equals("string");
        boolean integer = !string && !type.startsWith("float");
        if (string != modbus.has("length")) {
            problems.add(doc.problem(here + (string ? "/type" : "/length"), string
                    ? "a string needs length: the number of registers it spans (two characters each)"
                    : "length is for strings; remove it or set type: string"));
        }
        if (string != "text".equals(kind)) {
            problems.add(doc.problem(at + "/kind", string
                    ? "a Modbus string is read as text; set kind: text"
                    : "a text point is read from registers as type: string with a length"));
        }
        if (modbus.has("bit")) {
            if (!type.equals("int16") && !type.equals("uint16")) {
                problems.add(doc.problem(here + "/bit", "bit picks one bit of a single register; use type uint16"));
            }
            if (!"boolean".equals(kind)) {
                problems.add(doc.problem(at + "/kind", "a bit in a register is a boolean; set kind: boolean"));
            }
            if (modbus.has("mask") || modbus.has("shift") || modbus.has("scaleRegister")) {
                problems.add(doc.problem(here + "/bit", "bit is one bit; remove mask, shift and scaleRegister,"
                        + " or drop bit to read a bitfield"));
            }
        }
        if ((modbus.has("mask") || modbus.has("shift")) && !integer) {
            problems.add(doc.problem(here + (modbus.has("mask") ? "/mask" : "/shift"),
                    "mask and shift cut a bitfield out of an integer; " + type + " is not one"));
        }
        if (modbus.has("shift") && !modbus.has("mask")) {
            problems.add(doc.problem(here + "/shift", "shift needs a mask saying which bits to keep"));
        }
        if (string && (modbus.has("scale") || modbus.has("offset") || modbus.has("scaleRegister"))) {
            problems.add(doc.problem(here + "/type", "a string is not scaled; remove scale, offset and scaleRegister"));
        }
        if (modbus.has("scaleRegister") && oneBased && modbus.path("scaleRegister").asInt() < 1) {
            problems.add(doc.problem(here + "/scaleRegister", "the profile numbers registers one-based; 0 is not a register"));
        }
    }

    private static void checkWritable(YamlDocument doc, String here, String table, JsonNode modbus,
                                      List<ConfigurationProblem> problems) {
        if (!table.equals("coil") && !table.equals("holding-register")) {
            problems.add(doc.problem(here + "/writable", "a " + table + " is read-only in Modbus; only coils and"
                    + " holding registers can be writable"));
            return;
        }
        for (String field : List.of("bit", "mask", "scaleRegister", "length")) {
            if (modbus.has(field)) {
                problems.add(doc.problem(here + "/writable", "writing a point with " + field + " is not supported;"
                        + " make it a plain number point or remove writable"));
            }
        }
    }
}
