package io.github.jvmadvisor.junit;

import java.nio.file.Files;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attaches a file to a test run through {@code ExtensionContext.publishFile} (JUnit 5.12+). Kept apart so that
 * the extension loads on JUnit versions without it: the media type classes are resolved only here.
 */
final class FileAttach {

    private static final Logger LOG = LoggerFactory.getLogger(JvmAdvisorExtension.class);

    private FileAttach() {
    }

    /**
     * Publishes {@code content} as {@code name}.
     *
     * @return whether it was published; {@code false} when this JUnit has no {@code publishFile} or no output
     *     directory for it
     */
    static boolean publish(ExtensionContext context, String name, String mediaType, byte[] content) {
        try {
            context.publishFile(name, org.junit.jupiter.api.MediaType.parse(mediaType),
                    path -> Files.write(path, content));
            return true;
        } catch (LinkageError e) {
            return publishLegacy(context, name, mediaType, content);
        } catch (RuntimeException e) {
            // no output directory for it (EngineTestKit by default, some launchers): the caller's directory will do
            LOG.debug("jvm-advisor: {} not attached: {}", name, e.toString());
            return false;
        }
    }

    /** JUnit 5.12 and 5.13: the media type of the extension package. */
    @SuppressWarnings("deprecation")
    private static boolean publishLegacy(ExtensionContext context, String name, String mediaType, byte[] content) {
        try {
            context.publishFile(name, org.junit.jupiter.api.extension.MediaType.parse(mediaType),
                    path -> Files.write(path, content));
            return true;
        } catch (LinkageError e) {
            return false; // before 5.12: the caller writes to its own directory
        } catch (RuntimeException e) {
            // no output directory for it (EngineTestKit by default, some launchers): the caller's directory will do
            LOG.debug("jvm-advisor: {} not attached: {}", name, e.toString());
            return false;
        }
    }
}
