package org.feewatch.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

class PluginCompatibilityTest {

    /** The API 1.0.0 as the running framework exports it. */
    private static final Map<String, Version> API_1_0 = Map.of("org.feewatch.api", new Version(1, 0, 0),
            "org.feewatch.api.spi", new Version(1, 0, 0));

    @TempDir
    Path temp;

    private Path bundle(String name, String importPackage) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", name);
        if (importPackage != null) {
            a.putValue("Import-Package", importPackage);
        }
        Path jar = temp.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
            // a manifest is all the check reads
        }
        return jar;
    }

    @Test
    void aPackBuiltAgainstApi10RunsOnApi10AndOnAnyLater1x() throws IOException {
        Path pack = bundle("feewatch.region.bj", "java.util,org.feewatch.api;version=\"[1.0,2)\","
                + "org.feewatch.api.spi;version=\"[1.0,2)\",org.feewatch.engine.catalogue;version=\"[1.0,2)\"");
        assertEquals(Optional.empty(), PluginCompatibility.check(pack, API_1_0));
        assertEquals(Optional.empty(), PluginCompatibility.check(pack, Map.of("org.feewatch.api", new Version(1, 7, 2),
                "org.feewatch.api.spi", new Version(1, 4, 0))));
    }

    @Test
    void aPackBuiltForApi2IsRefusedNamingWhatItNeedsAndWhatIsInstalled() throws IOException {
        Path pack = bundle("feewatch.region.future", "org.feewatch.api;version=\"[2.0,3)\","
                + "org.feewatch.api.spi;version=\"[2.0,3)\"");
        String why = PluginCompatibility.check(pack, API_1_0).orElseThrow();
        assertEquals("feewatch.region.future is not compatible with the installed feewatch API 1.0.0: it needs "
                + "org.feewatch.api [2.0.0,3.0.0) (feewatch API 2.x from 2.0), installed 1.0.0; "
                + "org.feewatch.api.spi [2.0.0,3.0.0) (feewatch API 2.x from 2.0), installed 1.0.0. "
                + "Use a version of the plugin built for API 1.x", why);
    }

    @Test
    void aPackNeedingANewerMinorThanInstalledIsRefusedToo() throws IOException {
        Path pack = bundle("feewatch.region.sh", "org.feewatch.api.spi;version=\"[1.3,2)\"");
        assertTrue(PluginCompatibility.check(pack, API_1_0).orElseThrow()
                .contains("org.feewatch.api.spi [1.3.0,2.0.0) (feewatch API 1.x from 1.3), installed 1.0.0"));
    }

    @Test
    void anApiPackageThatDoesNotExistHereIsNamedUnlessOptional() throws IOException {
        assertTrue(PluginCompatibility.check(bundle("p1", "org.feewatch.api.future;version=\"[1.0,2)\""), API_1_0)
                .orElseThrow().contains("org.feewatch.api.future [1.0.0,2.0.0), which this installation does not have"));
        assertEquals(Optional.empty(), PluginCompatibility.check(
                bundle("p2", "org.feewatch.api.future;version=\"[1.0,2)\";resolution:=optional"), API_1_0));
    }

    @Test
    void importsOfOtherPackagesAndQuotedCommasAreReadRight() {
        List<PluginCompatibility.ApiImport> imports = PluginCompatibility.apiImports(
                "org.osgi.framework;version=\"[1.9,2)\",org.feewatch.api;org.feewatch.api.spi;version=\"[1.0,2)\","
                        + "org.feewatchers;version=\"[9,10)\"");
        assertEquals(List.of("org.feewatch.api", "org.feewatch.api.spi"),
                imports.stream().map(PluginCompatibility.ApiImport::pkg).toList());
    }
}
