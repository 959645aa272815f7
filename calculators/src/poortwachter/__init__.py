"""Rekenkern voor de termijnen van de Wet verbetering poortwachter."""
