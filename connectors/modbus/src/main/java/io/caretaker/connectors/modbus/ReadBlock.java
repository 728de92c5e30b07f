package io.caretaker.connectors.modbus;

/** One Modbus read request: {@code count} registers (or bits) from {@code start} with function 1, 2, 3 or 4. */
record ReadBlock(int function, int start, int count) {

    boolean isBits() {
        return function == 1 || function == 2;
    }

    int end() {
        return start + count;
    }
}
