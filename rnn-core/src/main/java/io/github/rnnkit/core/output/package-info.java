/**
 * Output folders that lose nothing: a run is written into a staging folder beside its target and
 * moved into place in one rename ({@link io.github.rnnkit.core.output.StagedFolder}), an existing
 * run is replaced only when asked ({@link io.github.rnnkit.core.output.WriteMode}), a lock file
 * keeps a second writer out ({@link io.github.rnnkit.core.output.FolderLock}), and a killed run's
 * staging folder stays for {@link io.github.rnnkit.core.output.WriteMode#RESUME}.
 */
package io.github.rnnkit.core.output;
