/**
 * DataVec sequence record readers to DL4J's {@code SequenceRecordReaderDataSetIterator}: NCW
 * minibatches with feature and label masks.
 */
package io.github.rnnkit.data.iter;
