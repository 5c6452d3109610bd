/**
 * Pre-filters of the tariff reader that exist only for speed: each tells, far cheaper than the rule
 * it serves, where that rule cannot match, and never says "cannot" where it would. Nothing here
 * decides a reading; {@code FirstWordsTest} holds each to the same verdicts as its rule.
 */
package tradebot.facts.internal;
