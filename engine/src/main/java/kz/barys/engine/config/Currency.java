package kz.barys.engine.config;

/**
 * A currency balances are kept in. Every balance has 8 decimals internally; {@code withdrawalStep} is the
 * smallest unit that can leave the venue (0.01 for KZT: whole tiyn).
 */
public record Currency(int index, String code, long withdrawalStep)
{
}
