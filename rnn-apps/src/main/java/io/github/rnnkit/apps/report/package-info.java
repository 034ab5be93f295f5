/**
 * Run folders, Markdown tables and PNG line charts (with the CSV behind each) that the walkthroughs
 * write.
 */
package io.github.rnnkit.apps.report;
