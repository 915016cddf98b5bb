package dev.regconform.allure;

import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An Allure results writer for tests: keeps what a lifecycle writes in memory, to be looked at.
 *
 * <pre>{@code
 * InMemoryAllureResults results = new InMemoryAllureResults();
 * AllureLifecycle lifecycle = new AllureLifecycle(results);
 * … run …
 * assertThat(results.attachmentText(results.tests().get(0).getSteps().get(0).getAttachments().get(0))).contains("GET");
 * }</pre>
 */
public final class InMemoryAllureResults implements AllureResultsWriter {
  private final List<TestResult> tests = new CopyOnWriteArrayList<>();
  private final List<TestResultContainer> containers = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> attachments = new ConcurrentHashMap<>();

  @Override
  public void write(TestResult result) {
    tests.add(result);
  }

  @Override
  public void write(TestResultContainer container) {
    containers.add(container);
  }

  @Override
  public void write(String source, InputStream content) {
    try {
      attachments.put(source, content.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<TestResult> tests() {
    return List.copyOf(tests);
  }

  public List<TestResultContainer> containers() {
    return List.copyOf(containers);
  }

  /** Every attachment written, by its source (file name). */
  public Map<String, byte[]> attachments() {
    return Map.copyOf(attachments);
  }

  /** The text of an attachment; fails when it was never written. */
  public String attachmentText(Attachment attachment) {
    byte[] bytes = attachments.get(attachment.getSource());
    if (bytes == null) {
      throw new AssertionError("attachment " + attachment.getName() + " (" + attachment.getSource() + ") was not written");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The attachment of a step by name; fails when it has none of that name. */
  public String attachmentText(StepResult step, String name) {
    return attachmentText(step.getAttachments().stream().filter(a -> a.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("step '" + step.getName() + "' has no attachment '" + name + "', only "
            + step.getAttachments().stream().map(Attachment::getName).toList())));
  }
}
