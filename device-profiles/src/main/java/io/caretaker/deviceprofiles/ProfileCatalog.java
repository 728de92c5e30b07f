package io.caretaker.deviceprofiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** All device profiles the hub knows, by id. */
public final class ProfileCatalog {

    private final Map<String, DeviceProfile> profiles;

    private ProfileCatalog(Map<String, DeviceProfile> profiles) {
        this.profiles = Map.copyOf(profiles);
    }

    /**
     * Reads profiles from (file name → YAML text). Every file is read before failing, so one start-up names
     * every problem; a profile's id must equal its file name without {@code .yaml}.
     */
    public static ProfileCatalog read(ConfigurationLoader loader, Map<String, String> yamlByFile) {
        Map<String, DeviceProfile> byId = new TreeMap<>();
        List<ConfigurationProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : new TreeMap<>(yamlByFile).entrySet()) {
            try {
                DeviceProfile profile = loader.readProfile(file.getKey(), file.getValue());
                String expected = Path.of(file.getKey()).getFileName().toString().replaceFirst("\\.ya?ml$", "");
                if (!profile.id().equals(expected)) {
                    problems.add(new ConfigurationProblem(file.getKey(), lineOfId(file.getValue()), "id",
                            "is '" + profile.id() + "' but the file is named " + expected + ".yaml; make them the same"));
                } else if (byId.putIfAbsent(profile.id(), profile) != null) {
                    problems.add(new ConfigurationProblem(file.getKey(), lineOfId(file.getValue()), "id",
                            "profile '" + profile.id() + "' is defined twice"));
                }
            } catch (InvalidConfigurationException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return new ProfileCatalog(byId);
    }

    /** Reads every {@code *.yaml} file in a folder. */
    public static ProfileCatalog readDirectory(ConfigurationLoader loader, Path directory) {
        return read(loader, yamlFilesIn(directory));
    }

    /** The {@code *.yaml} files of a folder, as (path → text) for {@link #read}. */
    public static Map<String, String> yamlFilesIn(Path directory) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path file : list.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                files.put(file.toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read profiles from " + directory, e);
        }
        return files;
    }

    public static ProfileCatalog of(Collection<DeviceProfile> profiles) {
        Map<String, DeviceProfile> byId = new TreeMap<>();
        profiles.forEach(p -> byId.put(p.id(), p));
        return new ProfileCatalog(byId);
    }

    public Optional<DeviceProfile> find(String id) {
        return Optional.ofNullable(profiles.get(id));
    }

    public DeviceProfile get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no device profile '" + id + "'; known: " + ids()));
    }

    public List<String> ids() {
        return profiles.keySet().stream().sorted().toList();
    }

    public Collection<DeviceProfile> all() {
        return profiles.values();
    }

    private static int lineOfId(String yaml) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("id:")) {
                return i + 1;
            }
        }
        return 1;
    }
}
