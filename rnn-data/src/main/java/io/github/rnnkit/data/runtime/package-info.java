/**
 * Settings of ND4J's native libraries that rnnkit applies from inside the library before they load
 * (OpenMP wait policy, JavaCPP's memory guard).
 */
package io.github.rnnkit.data.runtime;
