package dev.regconform.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The BOM (bom/pom.xml) manages exactly the toolkit's deployable modules, so a module added to the root pom cannot be
 * forgotten there: every module of the root pom except the BOM itself and those under {@code examples/} (usage examples, never
 * deployed), each at the BOM's own version, which is the toolkit's.
 */
class BomListsEveryModuleTest {
  private static final String GROUP = "dev.regconform";
  /** Whether a module of the root pom is not an artifact a user depends on: the BOM itself, the usage examples. */
  private static boolean notInBom(String module) {
    return module.equals("bom") || module.startsWith("examples/");
  }

  /** The checkout's root: Surefire runs in conformance-suite/ and says so in {@code basedir}. */
  private static final Path ROOT =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();

  @Test
  void the_bom_manages_every_deployable_module_of_the_root_pom_and_nothing_else() throws Exception {
    Element root = pom(ROOT.resolve("pom.xml"));
    List<String> deployable = new ArrayList<>();
    for (String module : texts(child(root, "modules"), "module")) {
      if (!notInBom(module)) {
        deployable.add(text(pom(ROOT.resolve(module).resolve("pom.xml")), "artifactId"));
      }
    }
    Map<String, Element> managed = managed(pom(ROOT.resolve("bom/pom.xml")));

    assertThat(managed.keySet())
        .as("artifactIds in bom/pom.xml's dependencyManagement vs the deployable modules of the root pom (%s)",
            deployable)
        .containsExactlyInAnyOrderElementsOf(deployable);
  }

  @Test
  void every_bom_entry_is_a_toolkit_module_at_the_boms_own_version_with_no_scope_or_type() throws Exception {
    Map<String, Element> managed = managed(pom(ROOT.resolve("bom/pom.xml")));

    assertThat(managed).as("entries of bom/pom.xml").isNotEmpty();
    managed.forEach((artifactId, dependency) -> {
      assertThat(text(dependency, "groupId")).as("groupId of %s", artifactId).isEqualTo(GROUP);
      assertThat(text(dependency, "version")).as("version of %s", artifactId).isEqualTo("${project.version}");
      assertThat(child(dependency, "scope")).as("scope of %s", artifactId).isNull();
      assertThat(child(dependency, "type")).as("type of %s", artifactId).isNull();
    });
  }

  @Test
  void the_bom_has_no_parent_so_it_manages_no_third_party_versions_and_has_the_toolkits_version() throws Exception {
    Element root = pom(ROOT.resolve("pom.xml"));
    Element bom = pom(ROOT.resolve("bom/pom.xml"));

    assertThat(child(bom, "parent")).as("<parent> of bom/pom.xml (it would inherit regconform-parent's pins)").isNull();
    assertThat(text(bom, "groupId")).as("groupId of the BOM").isEqualTo(GROUP);
    assertThat(text(bom, "artifactId")).as("artifactId of the BOM").isEqualTo("regconform-bom");
    assertThat(text(bom, "packaging")).as("packaging of the BOM").isEqualTo("pom");
    assertThat(text(bom, "version")).as("version of the BOM vs the root pom's").isEqualTo(text(root, "version"));
  }

  @Test
  void every_deployable_module_has_the_toolkits_group_a_name_and_a_description() throws Exception {
    Element root = pom(ROOT.resolve("pom.xml"));
    for (String module : texts(child(root, "modules"), "module")) {
      if (module.startsWith("examples/")) {
        continue;
      }
      Element pom = pom(ROOT.resolve(module).resolve("pom.xml"));
      Element parent = child(pom, "parent");
      String group = child(pom, "groupId") != null ? text(pom, "groupId") : text(parent, "groupId");

      assertThat(group).as("groupId of module %s", module).isEqualTo(GROUP);
      assertThat(text(pom, "artifactId")).as("artifactId of module %s", module).startsWith("regconform-");
      assertThat(text(pom, "name")).as("<name> of module %s", module).isNotBlank();
      assertThat(text(pom, "description")).as("<description> of module %s", module).isNotBlank();
    }
  }

  /** A stand-alone example names the toolkit's version itself (no parent): it must follow the root pom's. */
  @Test
  void every_example_builds_against_this_version_of_the_toolkit() throws Exception {
    Element root = pom(ROOT.resolve("pom.xml"));
    List<String> examples = texts(child(root, "modules"), "module").stream().filter(m -> m.startsWith("examples/")).toList();

    assertThat(examples).as("example modules of the root pom").isNotEmpty();
    for (String module : examples) {
      Element properties = child(pom(ROOT.resolve(module).resolve("pom.xml")), "properties");
      assertThat(text(properties, "regconform.version")).as("<regconform.version> of %s", module)
          .isEqualTo(text(root, "version"));
    }
  }

  private static Map<String, Element> managed(Element bom) {
    Map<String, Element> byArtifactId = new LinkedHashMap<>();
    Element management = child(bom, "dependencyManagement");
    assertThat(management).as("<dependencyManagement> of bom/pom.xml").isNotNull();
    for (Element dependency : children(child(management, "dependencies"), "dependency")) {
      Element previous = byArtifactId.put(text(dependency, "artifactId"), dependency);
      assertThat(previous).as("a second entry for %s in bom/pom.xml", text(dependency, "artifactId")).isNull();
    }
    return byArtifactId;
  }

  private static Element pom(Path file) throws Exception {
    assertThat(file).as("a module's pom").isRegularFile();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (var in = Files.newInputStream(file)) {
      Document document = factory.newDocumentBuilder().parse(in);
      return document.getDocumentElement();
    }
  }

  /** The first direct child named {@code name}, or null. */
  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }

  private static List<String> texts(Element parent, String name) {
    return children(parent, name).stream().map(e -> e.getTextContent().trim()).toList();
  }

  private static String text(Element parent, String name) {
    Element element = child(parent, name);
    return element == null ? null : element.getTextContent().trim();
  }
}
