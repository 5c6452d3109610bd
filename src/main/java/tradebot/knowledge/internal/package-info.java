/**
 * Pre-filters of the figure grammar that exist only for speed: {@link
 * tradebot.knowledge.internal.FigureCues} finds in one pass which patterns can match in a region,
 * and {@link tradebot.knowledge.internal.NumberMatches} tries a pattern only where a number may
 * start. Neither decides a figure; both are given the grammar's words and matchers, so nothing here
 * depends on the package it serves, and {@code FigureExtractorTest} holds the extraction with them
 * to the same figures as running every pattern everywhere.
 */
package tradebot.knowledge.internal;
