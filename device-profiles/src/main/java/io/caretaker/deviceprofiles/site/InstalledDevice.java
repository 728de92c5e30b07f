package io.caretaker.deviceprofiles.site;

/** A device installed on a site: which profile it follows, where it is, and how the hub reaches it. */
public record InstalledDevice(String id, String profile, String name, String building, String floor, String room,
                              Connection connection) {
}
