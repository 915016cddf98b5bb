/**
 * Image formats beyond a single image (issue 5): multi-platform images as OCI image indexes and Docker manifest lists
 * (nested too, with a Windows entry's {@code os.version}), images with foreign / non-distributable layers whose blobs
 * are never uploaded, and OCI artifacts with layers of any media type. Check ids start with {@code formats.}; the
 * classes carry the {@code manifests} workflow tag. What the official suite's data sets already check
 * ({@code scenarios.official.data}) is not repeated: these checks pull what an index names by following it, and look at
 * the forms those data sets do not have.
 */
package dev.regconform.scenarios.formats;
