/**
 * Options and report pieces the commands share: where a series is read from, window options, list
 * options, evaluation tables in Markdown.
 */
package io.github.rnnkit.apps.common;
