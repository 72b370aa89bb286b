/**
 * The HTTP/JSON front end: routes ({@link ai.foresight.server.http.HttpApi}), strict reading of JSON bodies with
 * field-naming errors ({@link ai.foresight.server.http.JsonRequestReader}), bearer-token checks
 * ({@link ai.foresight.server.http.BearerAuth}) and JSON error pages for errors Jetty answers itself
 * ({@link ai.foresight.server.http.JsonErrorHandler}). Every rejection is
 * {@code {"error": {"code", "field", "message"}}}; no stack trace reaches a client.
 */
package ai.foresight.server.http;
