/**
 * {@code descent serve}: a saved model behind HTTP on the JDK's own server ({@code
 * com.sun.net.httpserver}). {@link PredictionServer} routes {@code POST /predict}, {@code GET
 * /health} and {@code GET /model}; {@link RowsRequest} turns a JSON body into a feature matrix
 * or one error line; {@link ModelPool} gives each worker thread a model of its own.
 */
package dev.descent.cli.serve;
