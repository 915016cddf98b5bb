package dev.regconform.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes standard JUnit XML: one {@code <testsuite>} per target, one {@code <testcase>} per check, with
 * {@code <failure>} and {@code <skipped>} elements carrying the message. CI systems (Jenkins, GitLab,
 * GitHub test reporters) read it as they read Surefire's reports.
 */
public final class JUnitXmlWriter {
  private JUnitXmlWriter() {}

  /**
   * Writes the report, UTF-8, replacing {@code file}. Failed checks become {@code <failure>}, broken ones
   * {@code <error>}, unsupported, disabled and skipped ones {@code <skipped>}; a warning passes and carries its
   * message in {@code <system-out>}. Control characters XML cannot hold are written as {@code ?} in messages.
   *
   * @param file the XML file, e.g. {@code report/junit.xml}; its parent directories are created
   * @param runs one {@code <testsuite>} per run, in this order; every run needs {@link TargetRun#started()}
   * @throws IOException when the file cannot be written
   */
  public static void write(Path file, List<TargetRun> runs) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      Counts total = runs.stream().map(TargetRun::counts).reduce(Counts.none(), Counts::plus);
      xml.writeAttribute("name", "regconform");
      xml.writeAttribute("tests", String.valueOf(total.total()));
      xml.writeAttribute("failures", String.valueOf(total.count(Outcome.FAILED)));
      xml.writeAttribute("skipped", String.valueOf(total.skipped()));
      xml.writeAttribute("errors", String.valueOf(total.count(Outcome.BROKEN)));
      for (TargetRun run : runs) {
        writeSuite(xml, run);
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void writeSuite(XMLStreamWriter xml, TargetRun run) throws XMLStreamException {
    Counts counts = run.counts();
    double seconds = run.checks().stream().mapToLong(c -> c.duration().toMillis()).sum() / 1000.0;
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", run.description());
    xml.writeAttribute("tests", String.valueOf(counts.total()));
    xml.writeAttribute("failures", String.valueOf(counts.count(Outcome.FAILED)));
    xml.writeAttribute("skipped", String.valueOf(counts.skipped()));
    xml.writeAttribute("errors", String.valueOf(counts.count(Outcome.BROKEN)));
    xml.writeAttribute("time", seconds(seconds));
    xml.writeAttribute("timestamp", run.started().toString());
    xml.writeCharacters("\n    ");
    xml.writeStartElement("properties");
    property(xml, "target", run.target());
    property(xml, "namespace", run.namespace());
    xml.writeEndElement();
    for (CheckResult c : run.checks()) {
      xml.writeCharacters("\n    ");
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", run.description() + "." + (c.workflow().isEmpty() ? "checks" : c.workflow()));
      xml.writeAttribute("name", c.id() + ": " + c.displayName());
      xml.writeAttribute("time", seconds(c.duration().toMillis() / 1000.0));
      switch (c.outcome()) {
        case FAILED -> problem(xml, "failure", "ConformanceFailure", c);
        case BROKEN -> problem(xml, "error", "HarnessError", c);
        case UNSUPPORTED, DISABLED, SKIPPED -> {
          xml.writeStartElement("skipped");
          xml.writeAttribute("message", c.outcome().label() + ": " + firstLine(c.message()));
          xml.writeEndElement();
        }
        case WARNING -> {
          // JUnit XML has no warning: the check passed; the unmet SHOULD goes to system-out.
          xml.writeStartElement("system-out");
          xml.writeCData(safe("warning: " + c.message()));
          xml.writeEndElement();
        }
        case PASSED -> { }
      }
      xml.writeEndElement();
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void problem(XMLStreamWriter xml, String element, String type, CheckResult c) throws XMLStreamException {
    xml.writeStartElement(element);
    xml.writeAttribute("message", firstLine(c.message()));
    xml.writeAttribute("type", type);
    xml.writeCData(safe(c.message() + (c.details().isEmpty() ? "" : "\n\n" + c.details())));
    xml.writeEndElement();
  }

  private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", value);
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }

  private static String firstLine(String message) {
    String trimmed = message.strip();
    int nl = trimmed.indexOf('\n');
    return nl < 0 ? trimmed : trimmed.substring(0, nl);
  }

  /** CDATA cannot contain "]]>", and XML 1.0 cannot contain most control characters. */
  private static String safe(String text) {
    return text.replace("]]>", "]]]]><![CDATA[>").replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "?");
  }
}
